package no.ks.barometer.admin;

/**
 * A column of the CSV export.
 *
 * @param name        the header, stable between exports of the same questionnaire version
 * @param description Norwegian: what the column holds, for the codebook beside the export
 */
public record ExportColumn(String name, String description) {
}
