package no.ks.barometer.functions.admin;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import no.ks.barometer.http.ApiProblem;
import no.ks.barometer.http.ProblemType;
import no.ks.barometer.http.RequestLog;
import no.ks.barometer.http.RequestRejected;
import no.ks.barometer.store.DynamoDbClients;

/**
 * Everything a resource did not answer itself becomes a problem: Jersey's own refusals (no such path or method),
 * a body refused while it was read, a failing DynamoDB (503, try again) and our bugs (500).
 */
final class Failures implements ExceptionMapper<Throwable> {

    private final RequestLog log = new RequestLog(System.out);

    @Override
    public Response toResponse(Throwable failure) {
        return switch (failure) {
            case RequestRejected rejected -> Answers.problem(rejected.problem());
            case NotFoundException notFound -> Answers.problem(ApiProblem.of(ProblemType.NOT_FOUND,
                    "Det finnes ingen slik adresse i administrasjons-API-et."));
            case NotAllowedException notAllowed -> Answers.problem(ApiProblem.of(ProblemType.METHOD_NOT_ALLOWED,
                    "Adressen tar ikke imot denne metoden."));
            case NotSupportedException unsupported -> Answers.problem(ApiProblem.of(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE, "Innholdstypen støttes ikke her."));
            case WebApplicationException web when web.getResponse().getStatus() < 500 ->
                    Answers.problem(ApiProblem.malformed("Forespørselen kan ikke leses."));
            case RuntimeException runtime when DynamoDbClients.isDependencyFailure(runtime) -> {
                log.failure("admin-api", runtime);
                yield Answers.problem(ApiProblem.of(ProblemType.SERVICE_UNAVAILABLE,
                        "Vi får ikke kontakt med lagringen akkurat nå. Prøv igjen om litt."));
            }
            default -> {
                log.failure("admin-api", failure);
                yield Answers.problem(ApiProblem.of(ProblemType.INTERNAL_ERROR,
                        "En feil hos oss stoppet forespørselen. Prøv igjen senere."));
            }
        };
    }
}
