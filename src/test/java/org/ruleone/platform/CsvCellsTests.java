package org.ruleone.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsTests {

    @Test
    void defusesEveryCellASpreadsheetWouldRunAsAFormula() {
        assertThat(CsvCells.cell("=cmd|' /C calc'!A0")).isEqualTo("\"'=cmd|' /C calc'!A0\"");
        assertThat(CsvCells.cell("+1+1")).isEqualTo("\"'+1+1\"");
        assertThat(CsvCells.cell("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(CsvCells.cell("\t=1")).isEqualTo("\"'\t=1\"");
        assertThat(CsvCells.cell("\r=1")).isEqualTo("\"'\r=1\"");
    }

    @Test
    void quotesOnlyWhatNeedsQuoting() {
        assertThat(CsvCells.cell("Très bien")).isEqualTo("Très bien");
        assertThat(CsvCells.cell("Bien, merci")).isEqualTo("\"Bien, merci\"");
        assertThat(CsvCells.cell("Line\nbreak")).isEqualTo("\"Line\nbreak\"");
        assertThat(CsvCells.cell(null)).isEmpty();
    }
}
