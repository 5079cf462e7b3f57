package no.ks.barometer.local.simulation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What the simulated respondents did. */
public record SimulationReport(List<Respondent> respondents) {

    /**
     * One simulated respondent.
     *
     * @param status     the response's status at the end, as the API last reported it
     * @param pagesSaved how many page saves the API accepted
     * @param failure    what went wrong when the API refused something it should have accepted
     */
    public record Respondent(String number, String name, Plan plan, String status, int pagesSaved,
                             Optional<String> failure) {
    }

    public SimulationReport {
        respondents = List.copyOf(respondents);
    }

    /** How many ended in each status. */
    public Map<String, Integer> byStatus() {
        Map<String, Integer> counts = new TreeMap<>();
        respondents.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return counts;
    }

    public List<Respondent> failures() {
        return respondents.stream().filter(r -> r.failure().isPresent()).toList();
    }
}
