package no.ks.barometer.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.ks.barometer.invitation.Maalform;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.register.Register;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a register an administrator imports and checks every row, so that a file is refused as a whole with every
 * bad row named by line and field, or accepted as a whole. Columns (CSV header) and members (JSON), all required:
 * {@code number}, {@code name}, {@code type}, {@code fylke}, {@code population}, {@code maalform}, {@code emails}.
 */
public final class RegisterFile {

    static final List<String> COLUMNS = List.of("number", "name", "type", "fylke", "population", "maalform",
            "emails");
    public static final int MAX_ROWS = 2_000;
    static final int MAX_NAME = 200;
    static final int MAX_EMAILS = 10;
    static final int MAX_POPULATION = 10_000_000;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EMAIL = "[^@\\s\"<>,;]+@[^@\\s\"<>,;.]+(\\.[^@\\s\"<>,;.]+)+";

    /** What a file holds: its organisations when every row is good, else every error found. */
    public record Parsed(List<Organisation> organisations, List<FieldError> errors) {
        public Parsed {
            organisations = List.copyOf(organisations);
            errors = List.copyOf(errors);
        }

        public boolean accepted() {
            return errors.isEmpty();
        }
    }

    /** One row before it is checked: text per column, the e-mails as a list. */
    private record Row(int line, Map<String, String> fields, List<String> emails) {
    }

    private RegisterFile() {
    }

    public static Parsed parse(String text, RegisterFormat format) {
        List<FieldError> errors = new ArrayList<>();
        List<Row> rows = switch (format) {
            case CSV -> csvRows(text, errors);
            case JSON -> jsonRows(text, errors);
        };
        if (errors.isEmpty() && rows.isEmpty()) {
            errors.add(new FieldError(0, "", "Filen har ingen organisasjoner."));
        }
        if (rows.size() > MAX_ROWS) {
            return new Parsed(List.of(), List.of(new FieldError(0, "", "Filen har " + rows.size()
                    + " organisasjoner; høyst " + MAX_ROWS + " kan importeres om gangen.")));
        }
        List<Organisation> organisations = new ArrayList<>(rows.size());
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : rows) {
            check(row, errors).ifPresent(organisation -> {
                Integer first = seen.putIfAbsent(organisation.number(), row.line());
                if (first != null) {
                    errors.add(new FieldError(row.line(), "number", "Nummer " + organisation.number()
                            + " står også på linje " + first + "."));
                } else {
                    organisations.add(organisation);
                }
            });
        }
        errors.sort(Comparator.comparingInt(FieldError::line));
        return errors.isEmpty() ? new Parsed(organisations, List.of()) : new Parsed(List.of(), errors);
    }

    private static List<Row> csvRows(String text, List<FieldError> errors) {
        List<CsvReader.Record> records;
        try {
            records = CsvReader.read(text);
        } catch (CsvReader.MalformedCsv e) {
            errors.add(new FieldError(e.line, "", e.getMessage()));
            return List.of();
        }
        if (records.isEmpty()) {
            return List.of();
        }
        CsvReader.Record header = records.getFirst();
        List<String> names = header.fields().stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
        for (String name : names) {
            if (!COLUMNS.contains(name)) {
                errors.add(new FieldError(header.line(), name, "Ukjent kolonne «" + name + "»; kolonnene er "
                        + String.join(", ", COLUMNS) + "."));
            }
        }
        for (String column : COLUMNS) {
            if (!names.contains(column)) {
                errors.add(new FieldError(header.line(), column, "Kolonnen «" + column + "» mangler i overskriften."));
            } else if (names.indexOf(column) != names.lastIndexOf(column)) {
                errors.add(new FieldError(header.line(), column, "Kolonnen «" + column + "» står to ganger."));
            }
        }
        if (!errors.isEmpty()) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>(records.size() - 1);
        for (CsvReader.Record record : records.subList(1, records.size())) {
            if (record.fields().size() != names.size()) {
                errors.add(new FieldError(record.line(), "", "Linjen har " + record.fields().size()
                        + " felt; overskriften har " + names.size() + "."));
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                fields.put(names.get(i), record.fields().get(i).strip());
            }
            List<String> emails = List.of(fields.get("emails").split("[\\s,;]+")).stream()
                    .filter(e -> !e.isEmpty()).toList();
            rows.add(new Row(record.line(), fields, emails));
        }
        return rows;
    }

    private static List<Row> jsonRows(String text, List<FieldError> errors) {
        List<Row> rows = new ArrayList<>();
        try (JsonParser parser = new JsonFactory(MAPPER).createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                errors.add(new FieldError(1, "", "Filen må være en JSON-liste med ett objekt per organisasjon."));
                return List.of();
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode element = parser.readValueAsTree();
                jsonRow(line, element, errors).ifPresent(rows::add);
            }
            if (parser.nextToken() != null) {
                errors.add(new FieldError(parser.currentTokenLocation().getLineNr(), "",
                        "Det står noe etter listen."));
            }
        } catch (JsonProcessingException e) {
            errors.add(new FieldError(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "",
                    "Filen er ikke gyldig JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new IllegalStateException("Reading a string cannot fail", e);
        }
        return rows;
    }

    private static Optional<Row> jsonRow(int line, JsonNode element, List<FieldError> errors) {
        if (!element.isObject()) {
            errors.add(new FieldError(line, "", "Hver organisasjon må være et JSON-objekt."));
            return Optional.empty();
        }
        int before = errors.size();
        element.fieldNames().forEachRemaining(name -> {
            if (!COLUMNS.contains(name)) {
                errors.add(new FieldError(line, name, "Ukjent felt «" + name + "»; feltene er "
                        + String.join(", ", COLUMNS) + "."));
            }
        });
        Map<String, String> fields = new HashMap<>();
        for (String name : COLUMNS) {
            JsonNode value = element.get(name);
            if (value == null || value.isNull() || name.equals("emails")) {
                continue;
            }
            if (name.equals("population") ? !value.isIntegralNumber() : !value.isTextual()) {
                errors.add(new FieldError(line, name, name.equals("population")
                        ? "«population» må være et heltall." : "«" + name + "» må være tekst."));
            } else {
                fields.put(name, value.asText().strip());
            }
        }
        List<String> emails = new ArrayList<>();
        JsonNode list = element.get("emails");
        if (list != null && !list.isNull()) {
            if (!list.isArray() || !allText(list)) {
                errors.add(new FieldError(line, "emails", "«emails» må være en liste med e-postadresser."));
            } else {
                list.forEach(email -> emails.add(email.textValue().strip()));
            }
        }
        return errors.size() == before ? Optional.of(new Row(line, fields, emails)) : Optional.empty();
    }

    private static boolean allText(JsonNode list) {
        for (JsonNode element : list) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** The row as an organisation, or empty with an error for every bad field. */
    private static Optional<Organisation> check(Row row, List<FieldError> errors) {
        int before = errors.size();
        int line = row.line();
        String number = required(row, "number", errors);
        String name = required(row, "name", errors);
        String typeText = required(row, "type", errors);
        String fylke = required(row, "fylke", errors);
        String populationText = required(row, "population", errors);
        String maalformText = required(row, "maalform", errors);

        OrgType type = null;
        if (typeText != null) {
            type = OrgType.fromCode(typeText.toLowerCase(Locale.ROOT)).orElse(null);
            if (type == null) {
                errors.add(new FieldError(line, "type", "«" + typeText + "» er ikke en type; bruk «kommune» eller "
                        + "«fylkeskommune»."));
            }
        }
        if (number != null && type != null && !number.matches(type == OrgType.KOMMUNE ? "\\d{4}" : "\\d{2}")) {
            errors.add(new FieldError(line, "number", type == OrgType.KOMMUNE
                    ? "Et kommunenummer har fire sifre, ikke «" + number + "»."
                    : "Et fylkesnummer har to sifre, ikke «" + number + "»."));
        }
        if (number != null && type == null && !number.matches("\\d{2}|\\d{4}")) {
            errors.add(new FieldError(line, "number", "«" + number + "» er verken et kommunenummer (fire sifre) "
                    + "eller et fylkesnummer (to sifre)."));
        }
        if (name != null && (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl))) {
            errors.add(new FieldError(line, "name", "Navnet kan ha høyst " + MAX_NAME
                    + " tegn og ingen linjeskift eller kontrolltegn."));
        }
        String fylkeName = null;
        if (fylke != null) {
            fylkeName = Register.standard().fylkeName(fylke).orElse(null);
            if (fylkeName == null) {
                errors.add(new FieldError(line, "fylke", "«" + fylke + "» er ikke et fylkesnummer."));
            } else if (number != null && type == OrgType.KOMMUNE && number.matches("\\d{4}")
                    && !number.startsWith(fylke)) {
                errors.add(new FieldError(line, "fylke", "Kommune " + number + " ligger ikke i fylke " + fylke
                        + "; kommunenummeret begynner med fylkesnummeret."));
            } else if (number != null && type == OrgType.FYLKESKOMMUNE && !number.equals(fylke)) {
                errors.add(new FieldError(line, "fylke", "En fylkeskommune har fylkets nummer; " + number
                        + " er ikke " + fylke + "."));
            }
        }
        int population = -1;
        if (populationText != null) {
            if (populationText.matches("\\d{1,8}") && Integer.parseInt(populationText) <= MAX_POPULATION) {
                population = Integer.parseInt(populationText);
            } else {
                errors.add(new FieldError(line, "population", "«" + populationText
                        + "» er ikke et innbyggertall (et heltall fra 0 til " + MAX_POPULATION + ")."));
            }
        }
        Maalform maalform = null;
        if (maalformText != null) {
            maalform = maalform(maalformText).orElse(null);
            if (maalform == null) {
                errors.add(new FieldError(line, "maalform", "«" + maalformText
                        + "» er ikke en målform; bruk Bokmål, Nynorsk eller Nøytral."));
            }
        }
        List<String> emails = emails(row, errors);
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Organisation(number, name, type, fylke, fylkeName, population, maalform, emails));
    }

    private static List<String> emails(Row row, List<FieldError> errors) {
        if (row.emails().isEmpty()) {
            errors.add(new FieldError(row.line(), "emails", "Minst én e-postadresse må oppgis."));
            return List.of();
        }
        if (row.emails().size() > MAX_EMAILS) {
            errors.add(new FieldError(row.line(), "emails", "Høyst " + MAX_EMAILS + " e-postadresser per "
                    + "organisasjon."));
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String email : row.emails()) {
            if (email.length() > 254 || !email.matches(EMAIL)) {
                errors.add(new FieldError(row.line(), "emails", "«" + email + "» er ikke en e-postadresse."));
            } else if (!distinct.add(email.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(row.line(), "emails", "«" + email + "» står to ganger."));
            }
        }
        return row.emails();
    }

    private static Optional<Maalform> maalform(String text) {
        for (Maalform maalform : Maalform.values()) {
            if (maalform.label().equalsIgnoreCase(text)) {
                return Optional.of(maalform);
            }
        }
        return Optional.empty();
    }

    private static String required(Row row, String column, List<FieldError> errors) {
        String value = row.fields().get(column);
        if (value == null || value.isEmpty()) {
            errors.add(new FieldError(row.line(), column, "«" + column + "» mangler."));
            return null;
        }
        return value;
    }
}
