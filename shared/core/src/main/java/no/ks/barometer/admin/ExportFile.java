package no.ks.barometer.admin;

/**
 * An export ready to send.
 *
 * @param fileName what the file is called when it is saved
 * @param rows     how many organisations it holds
 */
public record ExportFile(String fileName, ExportFormat format, byte[] content, int rows) {
}
