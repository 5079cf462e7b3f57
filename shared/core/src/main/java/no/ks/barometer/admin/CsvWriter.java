package no.ks.barometer.admin;

import java.util.List;

/** Writes the CSV export (see {@link ExportFormat#CSV}). */
final class CsvWriter {

    static final char BOM = '\uFEFF';
    static final char DELIMITER = ';';

    private final StringBuilder out = new StringBuilder();

    CsvWriter() {
        out.append(BOM);
    }

    void row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(DELIMITER);
            }
            out.append(quoted(neutralised(cells.get(i))));
        }
        out.append("\r\n");
    }

    String text() {
        return out.toString();
    }

    /**
     * A cell a spreadsheet would read as a formula (or as the start of one, after a tab or carriage return) gets
     * an apostrophe in front, which spreadsheets show as text: answers are written by respondents, and an export
     * must not run what they wrote.
     */
    static String neutralised(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    private static String quoted(String cell) {
        boolean needsQuotes = cell.indexOf(DELIMITER) >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0 || cell.indexOf(',') >= 0;
        return needsQuotes ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
