package no.ks.barometer.admin;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvWriterTest {

    @Test
    void everyCellASpreadsheetWouldTakeForAFormulaIsNeutralised() {
        for (String dangerous : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1")) {
            assertEquals("'" + dangerous, CsvWriter.neutralised(dangerous));
        }
        for (String harmless : List.of("", "1", "Halden", " =1", "a=b", "æøå")) {
            assertEquals(harmless, CsvWriter.neutralised(harmless));
        }
    }

    @Test
    void fileStartsWithAByteOrderMarkAndQuotesWhatNeedsIt() {
        CsvWriter csv = new CsvWriter();
        csv.row(List.of("a;b", "sa \"hei\"", "to\nlinjer", "Ærlig, åpen, østlig"));

        assertEquals("\uFEFF\"a;b\";\"sa \"\"hei\"\"\";\"to\nlinjer\";\"Ærlig, åpen, østlig\"\r\n", csv.text());
    }
}
