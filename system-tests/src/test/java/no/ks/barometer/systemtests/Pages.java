package no.ks.barometer.systemtests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers to every page of the 2024 questionnaire, as a respondent's browser sends them. */
final class Pages {

    static final List<String> YES_BRANCH = List.of("q0", "q1", "q2", "q3", "q4", "q5", "q10", "q11", "q12", "q13",
            "q14", "q15", "q16", "q17", "q17a", "q18", "q19a", "q19", "q20", "q21", "q22", "q23", "q24", "q25", "q26",
            "q27", "q28");

    private Pages() {
    }

    static Map<String, String> worksWithInnovation(boolean kommune) {
        Map<String, String> pages = start(1);
        pages.put("q3", "{\"Q3\":{\"choice\":2}}");
        pages.put("q4", "{\"Q4\":{\"choices\":[1,10],\"other\":\"Eget innovasjonsfond\"}}");
        pages.put("q5", "{\"Q5\":{\"choice\":2}}");
        pages.put("q10", "{\"Q10\":{\"choice\":1}}");
        pages.put("q11", "{\"Q11\":{\"choice\":3,\"other\":\"Vedtatt i styringsgruppen\"}}");
        pages.put("q12", kommune ? "{\"Q12\":{\"rows\":{\"1\":\"a\",\"3\":\"b\"}}}"
                : "{\"Q12\":{\"rows\":{\"2\":\"c\",\"3\":\"d\"}}}");
        pages.put("q13", "{\"Q13\":{\"choice\":1}}");
        pages.put("q14", "{\"Q14\":{\"choices\":[1,2]}}");
        pages.put("q15", "{\"Q15\":{\"choices\":[1]}}");
        pages.put("q16", "{\"Q16\":{\"choices\":[1,12],\"other\":\"Nettverk i regionen\"}}");
        pages.put("q17", "{\"Q17\":{\"choices\":[1,2,3]}}");
        pages.put("q17a", "{\"Q17a\":{\"choice\":1}}");
        pages.put("q18", "{\"Q18\":{\"choices\":[4]}}");
        pages.put("q19a", "{\"Q19a\":{\"choices\":[1,2,5]}}");
        pages.put("q19", "{\"Q19\":{\"choices\":[2,5]}}");
        pages.put("q20", kommune ? "{\"Q20\":{\"choices\":[1,5]}}" : "{\"Q20\":{\"choices\":[3,5]}}");
        pages.put("q21", "{\"Q21\":{\"rows\":" + everyRow("c") + "}}");
        pages.put("q22", "{\"Q22\":{\"text\":\"Mer tid til samarbeid på tvers\"}}");
        pages.put("q23", "{\"Q23\":{\"rows\":" + everyRow("b") + "}}");
        pages.put("q24", "{}");
        pages.put("q25", "{\"Q25\":{\"choice\":1}}");
        pages.put("q26", "{\"Q26\":{\"choices\":[1,6],\"other\":\"Innbyggerpanel\"}}");
        pages.put("q27", "{\"Q27\":{\"choice\":2}}");
        pages.put("q28", "{\"Q28\":{\"text\":\"Takk for en nyttig undersøkelse.\\nHilsen rådmannen\"}}");
        return pages;
    }

    /** Q2 = Nei, then Q7 as given (1 Ja, 2 Nei). */
    static Map<String, String> doesNotWorkWithInnovation(int q7) {
        Map<String, String> pages = start(2);
        pages.put("q6", "{\"Q6\":{\"choices\":[1,8],\"other\":\"Små forhold\"}}");
        pages.put("q7", "{\"Q7\":{\"choice\":" + q7 + "}}");
        pages.put("q8", "{\"Q8\":{\"choices\":[4,5]}}");
        pages.put("q9", "{\"Q9\":{\"text\":\"Mer tid og kompetanse\"}}");
        pages.put("q28", "{}");
        return pages;
    }

    /** Q2 = Vet ikke. */
    static Map<String, String> doesNotKnow() {
        Map<String, String> pages = start(3);
        pages.put("q28", "{\"Q28\":{\"text\":\"Vi vet for lite om dette.\"}}");
        return pages;
    }

    private static Map<String, String> start(int q2) {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("q0", "{\"Q0\":{\"choice\":1}}");
        pages.put("q1", "{\"Q1\":{\"choice\":2}}");
        pages.put("q2", "{\"Q2\":{\"choice\":" + q2 + "}}");
        return pages;
    }

    private static String everyRow(String column) {
        StringBuilder rows = new StringBuilder("{");
        for (int row = 1; row <= 14; row++) {
            rows.append(row == 1 ? "" : ",").append('"').append(row).append("\":\"").append(column).append('"');
        }
        return rows.append('}').toString();
    }
}
