package org.ruleone.experience;

import java.util.List;
import java.util.Map;

import org.ruleone.platform.CsvColumns;

/** A field of a survey results import that a column of the file can be mapped to; only the date is required. */
public enum SurveyColumn {
    DATE, CLIENT, STORE, ASSOCIATE, INVOICE, SCORE, SATISFACTION, COMMENT, EXTERNAL_ID;

    /** The first guess from the header, in English, French or Polish (as survey tools name their columns). */
    public static Map<SurveyColumn, Integer> guess(List<String> header) {
        return CsvColumns.guess(header, SurveyColumn.class, name -> switch (name) {
            case "date", "datetime", "timestamp", "submittedat", "submitted", "answeredat", "respondedat",
                 "createdat", "time", "when", "horodateur", "datedereponse", "data", "datawypelnienia",
                 "dataodpowiedzi" -> DATE;
            case "client", "customer", "email", "emailaddress", "mail", "customerid", "customernumber",
                 "clientnumber", "courriel", "adresseemail", "klient", "numerklienta", "adresemail" -> CLIENT;
            case "store", "shop", "location", "site", "magasin", "boutique", "sklep", "salon" -> STORE;
            case "associate", "agent", "staff", "employee", "servedby", "seller", "vendeur", "conseiller",
                 "vendeuse", "sprzedawca", "doradca", "pracownik" -> ASSOCIATE;
            case "invoice", "invoiceno", "invoicenumber", "receipt", "order", "orderid", "ticket", "facture",
                 "commande", "faktura", "paragon", "zamowienie" -> INVOICE;
            case "score", "nps", "npsscore", "likelihood", "recommend", "comeback", "note", "ocena", "wynik" -> SCORE;
            case "satisfaction", "csat", "rating", "stars", "etoiles", "avis", "zadowolenie", "gwiazdki" ->
                    SATISFACTION;
            case "comment", "comments", "feedback", "review", "text", "remarks", "commentaire", "commentaires",
                 "komentarz", "uwagi", "opinia" -> COMMENT;
            case "id", "responseid", "externalid", "reference", "ref", "answerid", "surveyid", "reviewid",
                 "respondentid", "submissionid", "uuid", "identifiant", "identyfikator" -> EXTERNAL_ID;
            default -> null;
        });
    }
}
