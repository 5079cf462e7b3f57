package no.ks.barometer.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.codebook.CodebookRenderer;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.questionnaire.GridRow;
import no.ks.barometer.questionnaire.Option;
import no.ks.barometer.questionnaire.PublishedQuestionnaire;
import no.ks.barometer.questionnaire.Question;
import no.ks.barometer.questionnaire.Questionnaire;
import no.ks.barometer.questionnaire.QuestionnaireCatalog;
import no.ks.barometer.register.Landsdel;
import no.ks.barometer.response.ResponseTimes;
import no.ks.barometer.response.StoredResponse;
import no.ks.barometer.rules.Answer;
import no.ks.barometer.rules.AnswerCodec;
import no.ks.barometer.rules.GridAnswer;
import no.ks.barometer.rules.MultipleChoice;
import no.ks.barometer.rules.OpenText;
import no.ks.barometer.rules.ResponseState;
import no.ks.barometer.rules.RulesEngine;
import no.ks.barometer.rules.SingleChoice;
import no.ks.barometer.rules.VisibleQuestion;
import no.ks.barometer.rules.Visibility;
import no.ks.barometer.survey.Survey;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Responses out of the system, one row per organisation: the CSV with one column per answer code (a multiple
 * choice question as one 0/1 column per option, a grid as one column per row), or JSON Lines; and the codebook
 * that goes beside them. Open texts are in the export and nowhere else. Only what the respondent was shown is
 * exported: an answer to a question the rules hide, an option not offered or a row not shown is left empty, even
 * if a stored response held one.
 */
public final class ResponseExport {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String OTHER = "annet";

    private final SurveyLifecycleStore surveys;
    private final InvitationRecords records;
    private final Supplier<QuestionnaireCatalog> catalog;
    private final AuditTrail audit;
    private final Map<String, RulesEngine> engines = new ConcurrentHashMap<>();

    public ResponseExport(SurveyLifecycleStore surveys, InvitationRecords records, Supplier<QuestionnaireCatalog> catalog,
                          AuditTrail audit) {
        this.surveys = surveys;
        this.records = records;
        this.catalog = catalog;
        this.audit = audit;
    }

    public Outcome<ExportFile> export(String surveyId, ExportFormat format, Actor actor) {
        Optional<Survey> found = surveys.get(surveyId);
        if (found.isEmpty()) {
            return SurveyAdmin.notFound(surveyId);
        }
        Survey survey = found.get();
        Questionnaire questionnaire = questionnaire(survey);
        List<StoredResponse> responses = records.responses(surveyId);
        List<Row> rows = responses.stream().map(response -> row(questionnaire, response)).toList();
        byte[] content = switch (format) {
            case CSV -> csv(questionnaire, rows);
            case JSON_LINES -> jsonLines(rows);
        };
        audit.record(surveyId, actor, AuditAction.RESPONSES_EXPORTED, null, "Eksport som " + format.extension()
                + ", " + rows.size() + " organisasjoner");
        return Outcome.done(new ExportFile(surveyId + "." + format.extension(), format, content, rows.size()));
    }

    /** The codebook of the survey's questionnaire version, with a section on the export's columns. */
    public Outcome<String> codebook(String surveyId) {
        return surveys.get(surveyId).<Outcome<String>>map(survey -> {
            Questionnaire questionnaire = questionnaire(survey);
            StringBuilder markdown = new StringBuilder(CodebookRenderer.markdown(questionnaire));
            markdown.append("\n## Kolonner i eksporten\n\n");
            markdown.append("CSV-eksporten har én linje per organisasjon. En tom celle betyr at spørsmålet, "
                    + "svaralternativet eller linjen ikke ble vist respondenten, eller at det ikke er besvart. "
                    + "En celle som begynner med ', har fått apostrofen foran seg for at regnearket ikke skal lese "
                    + "den som en formel.\n\n");
            markdown.append("| Kolonne | Innhold |\n|---|---|\n");
            for (ExportColumn column : columns(questionnaire)) {
                markdown.append("| `").append(column.name()).append("` | ")
                        .append(column.description().replace("|", "\\|").replace("\n", " ")).append(" |\n");
            }
            return Outcome.done(markdown.toString());
        }).orElseGet(() -> SurveyAdmin.notFound(surveyId));
    }

    /** Every column of the CSV export of this questionnaire, in order. */
    public static List<ExportColumn> columns(Questionnaire questionnaire) {
        List<ExportColumn> columns = new ArrayList<>(fixedColumns());
        for (Question question : questionnaire.questions()) {
            String id = question.id();
            switch (question.type()) {
                case SINGLE -> {
                    columns.add(new ExportColumn(id, "Svarkoden valgt i " + id));
                    if (question.options().stream().anyMatch(Option::other)) {
                        columns.add(new ExportColumn(id + "_" + OTHER, "Tekst i «Annet»-feltet i " + id));
                    }
                }
                case MULTIPLE -> {
                    for (Option option : question.options()) {
                        columns.add(new ExportColumn(id + "_" + option.code(), "1 hvis alternativ "
                                + option.code() + " («" + option.text() + "») er valgt i " + id
                                + ", 0 hvis ikke"));
                    }
                    if (question.options().stream().anyMatch(Option::other)) {
                        columns.add(new ExportColumn(id + "_" + OTHER, "Tekst i «Annet»-feltet i " + id));
                    }
                }
                case TEXT -> columns.add(new ExportColumn(id, "Fritekstsvaret på " + id));
                case GRID -> {
                    for (GridRow row : question.rows()) {
                        columns.add(new ExportColumn(id + "_" + row.code(), "Svarkoden (bokstav) valgt for linje "
                                + row.code() + " («" + row.text() + "») i " + id));
                    }
                }
            }
        }
        return columns;
    }

    private static List<ExportColumn> fixedColumns() {
        return List.of(
                new ExportColumn("orgnr", "Kommunenummer eller fylkesnummer"),
                new ExportColumn("navn", "Organisasjonens navn"),
                new ExportColumn("type", "kommune eller fylkeskommune"),
                new ExportColumn("fylkesnr", "Fylkesnummer"),
                new ExportColumn("fylke", "Fylkets navn"),
                new ExportColumn("landsdel", "Østlandet, Sørlandet, Vestlandet, Trøndelag eller Nord-Norge"),
                new ExportColumn("innbyggere", "Innbyggertall fra registeret"),
                new ExportColumn("storrelse", "Størrelsesgruppe etter innbyggertall"),
                new ExportColumn("maalform", "Bokmål, Nynorsk eller Nøytral"),
                new ExportColumn("status", "INVITED, OPENED, IN_PROGRESS, COMPLETED, DECLINED eller WRONG_RECIPIENT"),
                new ExportColumn("invitert", "Når invitasjonen ble laget (UTC)"),
                new ExportColumn("apnet", "Når lenken først ble åpnet (UTC)"),
                new ExportColumn("startet", "Når første side ble lagret (UTC)"),
                new ExportColumn("sist_lagret", "Når en side sist ble lagret (UTC)"),
                new ExportColumn("sendt_inn", "Når besvarelsen ble sendt inn (UTC)"),
                new ExportColumn("avsluttet", "Når besvarelsen ble avsluttet uten å sendes inn (UTC)"),
                new ExportColumn("skjemaversjon", "Versjonen av spørreskjemaet besvarelsen ble gitt i"));
    }

    /** One organisation's response with only what it was shown. */
    private record Row(StoredResponse response, Map<String, Answer> visibleAnswers, Visibility visibility) {
    }

    private Row row(Questionnaire surveyQuestionnaire, StoredResponse response) {
        Questionnaire questionnaire = response.questionnaireVersion() == null ? surveyQuestionnaire
                : catalog.get().get(response.questionnaireId(), response.questionnaireVersion())
                .map(PublishedQuestionnaire::questionnaire).orElse(surveyQuestionnaire);
        Map<String, Answer> answers = AnswerCodec.read(questionnaire, response.answers()).answers();
        Visibility visibility = engine(questionnaire).visibility(response.organisation().type(),
                new ResponseState(answers, response.savedPages()));
        Map<String, Answer> visible = new LinkedHashMap<>();
        for (String questionId : visibility.questionIds()) {
            Answer answer = answers.get(questionId);
            if (answer != null) {
                visible.put(questionId, answer);
            }
        }
        return new Row(response, visible, visibility);
    }

    private byte[] csv(Questionnaire questionnaire, List<Row> rows) {
        CsvWriter csv = new CsvWriter();
        csv.row(columns(questionnaire).stream().map(ExportColumn::name).toList());
        for (Row row : rows) {
            List<String> cells = new ArrayList<>(fixedCells(row.response()));
            for (Question question : questionnaire.questions()) {
                answerCells(question, row, cells);
            }
            csv.row(cells);
        }
        return csv.text().getBytes(StandardCharsets.UTF_8);
    }

    private static void answerCells(Question question, Row row, List<String> cells) {
        Answer answer = row.visibleAnswers().get(question.id());
        Optional<VisibleQuestion> shown = row.visibility().question(question.id());
        boolean hasOther = question.options().stream().anyMatch(Option::other);
        switch (question.type()) {
            case SINGLE -> {
                SingleChoice single = answer instanceof SingleChoice s ? s : null;
                cells.add(single == null ? "" : Integer.toString(single.code()));
                if (hasOther) {
                    cells.add(single == null || single.other() == null ? "" : single.other());
                }
            }
            case MULTIPLE -> {
                MultipleChoice multiple = answer instanceof MultipleChoice m ? m : null;
                for (Option option : question.options()) {
                    boolean offered = shown.map(q -> q.options().contains(option)).orElse(false);
                    cells.add(multiple == null || !offered ? "" : multiple.contains(option.code()) ? "1" : "0");
                }
                if (hasOther) {
                    cells.add(multiple == null || multiple.other() == null ? "" : multiple.other());
                }
            }
            case TEXT -> cells.add(answer instanceof OpenText text ? text.text() : "");
            case GRID -> {
                GridAnswer grid = answer instanceof GridAnswer g ? g : null;
                for (GridRow gridRow : question.rows()) {
                    boolean rowShown = shown.map(q -> q.rows().contains(gridRow)).orElse(false);
                    String column = grid == null || !rowShown ? null : grid.rows().get(gridRow.code());
                    cells.add(column == null ? "" : column);
                }
            }
        }
    }

    private static List<String> fixedCells(StoredResponse response) {
        Organisation o = response.organisation();
        ResponseTimes times = response.times();
        return List.of(o.number(), o.name(), o.type().code(), text(o.countyNumber()), text(o.countyName()),
                Landsdel.ofFylke(o.countyNumber()).map(Landsdel::label).orElse(""),
                Integer.toString(o.population()), SizeGroup.of(o.population()).label(), o.maalform().label(),
                response.status().name(), time(times.invitedAt()), time(times.openedAt()), time(times.startedAt()),
                time(times.lastSavedAt()), time(times.submittedAt()), time(times.endedAt()),
                response.questionnaireVersion() == null ? "" : response.questionnaireVersion().toString());
    }

    private byte[] jsonLines(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        for (Row row : rows) {
            StoredResponse response = row.response();
            Organisation o = response.organisation();
            ObjectNode line = NODES.objectNode();
            ObjectNode organisation = line.putObject("organisation");
            organisation.put("number", o.number());
            organisation.put("name", o.name());
            organisation.put("type", o.type().code());
            organisation.put("countyNumber", o.countyNumber());
            organisation.put("countyName", o.countyName());
            organisation.put("landsdel", Landsdel.ofFylke(o.countyNumber()).map(Landsdel::label).orElse(null));
            organisation.put("population", o.population());
            organisation.put("sizeGroup", SizeGroup.of(o.population()).label());
            organisation.put("maalform", o.maalform().label());
            line.put("status", response.status().name());
            ResponseTimes times = response.times();
            line.put("invitedAt", json(times.invitedAt()));
            line.put("openedAt", json(times.openedAt()));
            line.put("startedAt", json(times.startedAt()));
            line.put("lastSavedAt", json(times.lastSavedAt()));
            line.put("submittedAt", json(times.submittedAt()));
            line.put("endedAt", json(times.endedAt()));
            if (response.questionnaireVersion() == null) {
                line.putNull("questionnaireVersion");
            } else {
                line.put("questionnaireVersion", response.questionnaireVersion());
            }
            line.set("answers", AnswerCodec.write(row.visibleAnswers()));
            try {
                out.append(MAPPER.writeValueAsString(line)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A JSON tree always writes", e);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Questionnaire questionnaire(Survey survey) {
        return catalog.get().get(survey.questionnaireId(), survey.questionnaireVersion())
                .orElseThrow(() -> new IllegalStateException("Survey " + survey.id() + " names questionnaire "
                        + survey.questionnaireId() + " v" + survey.questionnaireVersion() + ", not in the catalog"))
                .questionnaire();
    }

    private RulesEngine engine(Questionnaire questionnaire) {
        return engines.computeIfAbsent(questionnaire.id() + "@" + questionnaire.version(),
                unused -> new RulesEngine(questionnaire));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private static String json(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
