package no.ks.barometer.http;

/** Stops handling a request that cannot be answered otherwise; the handler turns it into its problem body. */
public final class RequestRejected extends RuntimeException {

    private final transient ApiProblem problem;

    public RequestRejected(ApiProblem problem) {
        super(problem.type().slug() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }
}
