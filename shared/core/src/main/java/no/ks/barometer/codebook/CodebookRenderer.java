package no.ks.barometer.codebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import no.ks.barometer.questionnaire.CarryForward;
import no.ks.barometer.questionnaire.Condition;
import no.ks.barometer.questionnaire.EndReason;
import no.ks.barometer.questionnaire.GridColumn;
import no.ks.barometer.questionnaire.GridRow;
import no.ks.barometer.questionnaire.Option;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.questionnaire.Page;
import no.ks.barometer.questionnaire.Question;
import no.ks.barometer.questionnaire.QuestionType;
import no.ks.barometer.questionnaire.Questionnaire;

/**
 * A codebook for analysts, in Markdown and Norwegian: per question its id, text, type, who sees it, and its codes
 * with their flags. Rendered from the definition only, so it cannot drift from what respondents were asked.
 */
public final class CodebookRenderer {
    /** Beyond this many codes a condition names code ranges instead of option texts. */
    private static final int MAX_NAMED_CODES = 3;

    private final Questionnaire questionnaire;
    private final StringBuilder out = new StringBuilder();

    private CodebookRenderer(Questionnaire questionnaire) {
        this.questionnaire = questionnaire;
    }

    public static String markdown(Questionnaire questionnaire) {
        CodebookRenderer renderer = new CodebookRenderer(questionnaire);
        renderer.render();
        return renderer.out.toString();
    }

    private void render() {
        line("# Kodebok: " + questionnaire.title() + ", versjon " + questionnaire.version());
        line();
        line("Spørreskjema `" + questionnaire.id() + "`, versjon " + questionnaire.version() + "."
                + questionnaire.subtitle().map(s -> " " + s + ".").orElse(""));
        line("Laget automatisk fra definisjonsfilen `questionnaires/" + questionnaire.id() + "/v"
                + questionnaire.version() + ".json`; rediger ikke denne filen for hånd.");
        line();
        line("## Slik leses kodeboken");
        line();
        line("- Hvert spørsmål har en fast id (for eksempel `Q4`), og hvert svaralternativ en fast kode, slik de er "
                + "nummerert i kildedokumentet. Kolonnene i matrisespørsmål har bokstavkoder.");
        line("- **Hvem ser spørsmålet** sier hvilke respondenter som får spørsmålet. Et spørsmål som ikke vises, har "
                + "aldri svar: svar på spørsmål som blir skjult etter at respondenten endrer et tidligere svar, slettes. "
                + "Et filter på et tidligere spørsmål gjelder bare når det spørsmålet selv ble vist, og et svar som "
                + "avslutter undersøkelsen gjør at ingen senere spørsmål vises.");
        line("- Svarene lagres slik: ett svar `{\"choice\": 1}`, flere svar `{\"choices\": [1, 10]}`, fritekst "
                + "`{\"text\": \"…\"}`, matrise `{\"rows\": {\"1\": \"a\"}}`. Tekst i «Annet»-felt ligger i "
                + "`\"other\"` ved siden av valget.");
        line("- `{organisasjon}` i en tekst erstattes med navnet på kommunen eller fylkeskommunen.");
        line("- Fritekst kan være på høyst " + questionnaire.limits().textMaxLength() + " tegn, tekst i "
                + "«Annet»-felt på høyst " + questionnaire.limits().otherMaxLength() + " tegn.");
        line();
        endings();
        overview();
        for (Page page : questionnaire.pages()) {
            for (Question question : page.questions()) {
                question(page, question);
            }
        }
    }

    private void endings() {
        if (questionnaire.endings().isEmpty()) {
            return;
        }
        line("## Avslutning før siste side");
        line();
        line("| Status | Tekst til respondenten |");
        line("|---|---|");
        for (Map.Entry<EndReason, String> ending : questionnaire.endings().entrySet()) {
            line("| `" + ending.getKey() + "` | " + cell(ending.getValue()) + " |");
        }
        line();
    }

    private void overview() {
        line("## Oversikt");
        line();
        line("| Spørsmål | Side | Type | Må besvares | Hvem ser spørsmålet |");
        line("|---|---|---|---|---|");
        for (Page page : questionnaire.pages()) {
            for (Question question : page.questions()) {
                line("| [" + question.id() + "](#" + anchor(question) + ") | `" + page.id() + "` | "
                        + shortType(question) + " | " + (question.required() ? "ja" : "nei") + " | "
                        + cell(whoSees(question)) + " |");
            }
        }
        line();
    }

    private void question(Page page, Question question) {
        line("## " + question.id());
        line();
        line("> " + question.text().replace("\n", " "));
        line();
        page.section().ifPresent(section -> line("- **Del:** " + section));
        line("- **Side:** `" + page.id() + "`");
        line("- **Type:** " + longType(question));
        line("- **Må besvares:** " + (question.required() ? "ja, når spørsmålet vises" : "nei"));
        line("- **Hvem ser spørsmålet:** " + whoSees(question));
        question.carryForward().ifPresent(this::carryForward);
        line();
        if (question.type().hasOptions()) {
            options(question);
        }
        if (question.type() == QuestionType.GRID) {
            grid(question);
        }
    }

    private void carryForward(CarryForward carryForward) {
        line("- **Svaralternativer fra tidligere spørsmål:** alternativ " + codeRanges(carryForward.codes())
                + " tilbys bare hvis det ble valgt i " + carryForward.question() + ".");
    }

    private void options(Question question) {
        line("| Kode | Svaralternativ | Merknad |");
        line("|---|---|---|");
        for (Option option : question.options()) {
            line("| " + option.code() + " | " + cell(option.text()) + " | " + cell(flags(question, option)) + " |");
        }
        line();
    }

    private String flags(Question question, Option option) {
        List<String> flags = new ArrayList<>();
        if (option.other()) {
            flags.add("ber om tekst (`other`)");
        }
        if (option.exclusive()) {
            flags.add("kan ikke kombineres med andre svar");
        }
        if (option.orgTypes().size() < OrgType.values().length) {
            flags.add("bare for " + orgTypes(option.orgTypes()));
        }
        option.endsSurvey().ifPresent(reason -> flags.add("avslutter undersøkelsen (status `" + reason + "`)"));
        question.carryForward().ifPresent(carryForward -> {
            if (carryForward.codes().contains(option.code())) {
                flags.add("bare hvis valgt i " + carryForward.question());
            }
        });
        return String.join("; ", flags);
    }

    private void grid(Question question) {
        line("Linjer:");
        line();
        line("| Kode | Linje | Merknad |");
        line("|---|---|---|");
        for (GridRow row : question.rows()) {
            String note = row.orgTypes().size() < OrgType.values().length ? "bare for " + orgTypes(row.orgTypes()) : "";
            line("| " + row.code() + " | " + cell(row.text()) + " | " + note + " |");
        }
        line();
        line("Svar per linje:");
        line();
        line("| Kode | Svar |");
        line("|---|---|");
        for (GridColumn column : question.columns()) {
            line("| " + column.code() + " | " + cell(column.text()) + " |");
        }
        line();
    }

    private static String shortType(Question question) {
        return switch (question.type()) {
            case SINGLE -> "ett svar";
            case MULTIPLE -> question.maxChoices().isPresent()
                    ? "flere svar, inntil " + question.maxChoices().getAsInt()
                    : "flere svar";
            case TEXT -> "fritekst";
            case GRID -> "matrise";
        };
    }

    private String longType(Question question) {
        return switch (question.type()) {
            case SINGLE -> "ett svar (enkeltvalg), lagret som `choice`";
            case MULTIPLE -> (question.maxChoices().isPresent()
                    ? "flere svar, inntil " + question.maxChoices().getAsInt() + " (flervalg)"
                    : "flere svar (flervalg)") + ", lagret som `choices`";
            case TEXT -> "fritekst, høyst " + questionnaire.limits().textMaxLength() + " tegn, lagret som `text`";
            case GRID -> "ett svar per linje (matrise), lagret som `rows`: linjekode → svarkode";
        };
    }

    /** Who is asked, in plain Norwegian. */
    private String whoSees(Question question) {
        return question.visibleWhen().map(condition -> "Vises når " + phrase(condition, false) + ".")
                .orElse("Alle.");
    }

    private String phrase(Condition condition, boolean nested) {
        return switch (condition) {
            case Condition.QuestionAnyOf atom -> answered(atom);
            case Condition.OrgTypeIs is -> "respondenten er en " + is.orgType().code();
            case Condition.All all -> group(all.conditions(), " og ", nested);
            case Condition.AnyOf any -> group(any.conditions(), " eller ", nested);
            case Condition.Not not -> "det ikke er slik at " + phrase(not.condition(), true);
        };
    }

    private String group(List<Condition> conditions, String joiner, boolean nested) {
        List<String> parts = conditions.stream().map(part -> phrase(part, true)).toList();
        String joined = String.join(joiner, parts);
        return nested && parts.size() > 1 ? "(" + joined + ")" : joined;
    }

    private String answered(Condition.QuestionAnyOf atom) {
        Question source = questionnaire.question(atom.question()).orElseThrow();
        List<Integer> codes = atom.anyOf();
        List<String> named = codes.stream()
                .map(code -> code + " «" + source.option(code).map(Option::text).orElse("") + "»").toList();
        if (source.type() != QuestionType.MULTIPLE) {
            String which = codes.size() > MAX_NAMED_CODES
                    ? "et av svarene " + codeRanges(codes)
                    : String.join(" eller ", named);
            return atom.question() + " er besvart med " + which;
        }
        String which;
        if (codes.size() == 1) {
            which = named.get(0);
        } else if (codes.size() <= MAX_NAMED_CODES) {
            which = "minst ett av " + String.join(", ", named);
        } else {
            which = "minst ett av svarene " + codeRanges(codes);
        }
        return which + " er valgt i " + atom.question();
    }

    /** Codes as ranges: 1–17, or 1–3, 5. */
    static String codeRanges(List<Integer> codes) {
        List<Integer> sorted = codes.stream().sorted().distinct().toList();
        List<String> ranges = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            if (i == sorted.size() || sorted.get(i) != sorted.get(i - 1) + 1) {
                int first = sorted.get(start);
                int last = sorted.get(i - 1);
                ranges.add(first == last ? String.valueOf(first)
                        : last == first + 1 ? first + ", " + last : first + "–" + last);
                start = i;
            }
        }
        return String.join(", ", ranges);
    }

    private static String orgTypes(Set<OrgType> orgTypes) {
        return String.join(" og ", orgTypes.stream().map(type -> switch (type) {
            case KOMMUNE -> "kommuner";
            case FYLKESKOMMUNE -> "fylkeskommuner";
        }).toList());
    }

    private static String anchor(Question question) {
        return question.id().toLowerCase(Locale.ROOT);
    }

    /** A text safe inside a Markdown table cell. */
    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void line() {
        out.append('\n');
    }
}
