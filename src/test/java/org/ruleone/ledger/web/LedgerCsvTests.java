package org.ruleone.ledger.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerCsvTests {

    @Test
    void namesWithCommasAndQuotesStayInOneCell() {
        assertThat(LedgerController.csvCell("Nowak, Piotr")).isEqualTo("\"Nowak, Piotr\"");
        assertThat(LedgerController.csvCell("The \"Rock\"")).isEqualTo("\"The \"\"Rock\"\"\"");
        assertThat(LedgerController.csvCell("Anna")).isEqualTo("Anna");
    }

    @Test
    void aNameThatLooksLikeAFormulaIsNotRunByASpreadsheet() {
        assertThat(LedgerController.csvCell("=HYPERLINK(\"x\")")).startsWith("\"'=");
        assertThat(LedgerController.csvCell("+48 600")).isEqualTo("\"'+48 600\"");
    }
}
