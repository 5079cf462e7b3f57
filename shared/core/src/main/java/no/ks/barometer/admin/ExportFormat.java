package no.ks.barometer.admin;

/** How responses leave the system. */
public enum ExportFormat {
    /**
     * For spreadsheets: UTF-8 with a byte order mark (so Excel reads æ, ø and å right), fields separated by
     * semicolons (the list separator of Excel set to Norwegian, where the comma is the decimal mark), CRLF line
     * ends, and every cell that a spreadsheet would take for a formula neutralised.
     */
    CSV("text/csv; charset=utf-8", "csv"),
    /** For programs: one JSON object per organisation and line, UTF-8 without byte order mark. */
    JSON_LINES("application/jsonl; charset=utf-8", "jsonl");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
