package no.ks.barometer.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 writes it (quoted fields may hold the delimiter, quotes as {@code ""}, and line breaks),
 * with a comma or, as spreadsheets set to Norwegian save it, a semicolon between fields: whichever the header
 * line uses. A byte order mark is dropped. Every record keeps the line it starts on, so errors can name it.
 */
final class CsvReader {

    record Record(int line, List<String> fields) {
    }

    /** The file is not CSV at all (a quote left open); {@code line} is where the broken record starts. */
    static final class MalformedCsv extends Exception {
        final int line;

        MalformedCsv(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    private CsvReader() {
    }

    /** The records of a text, blank lines left out. */
    static List<Record> read(String text) throws MalformedCsv {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        char delimiter = delimiter(csv);
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                fieldStarted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                end(records, fields, field, fieldStarted, recordLine);
                fields = new ArrayList<>();
                fieldStarted = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new MalformedCsv(recordLine, "Et felt som begynner med \" på linje " + recordLine
                    + " blir aldri avsluttet.");
        }
        end(records, fields, field, fieldStarted, recordLine);
        return records;
    }

    private static void end(List<Record> records, List<String> fields, StringBuilder field, boolean started,
                            int line) {
        if (started || !field.isEmpty()) {
            fields.add(field.toString());
            field.setLength(0);
        }
        if (!fields.isEmpty() && !(fields.size() == 1 && fields.getFirst().isBlank())) {
            records.add(new Record(line, List.copyOf(fields)));
        }
    }

    private static char delimiter(String csv) {
        int end = csv.indexOf('\n');
        String header = end < 0 ? csv : csv.substring(0, end);
        return header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
    }
}
