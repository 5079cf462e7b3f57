package no.ks.barometer.snapshot;

import java.util.function.Consumer;
import no.ks.barometer.response.StoredResponse;

/** Every invitation item of one survey, handed over one at a time as the partition is read, never held whole. */
public interface ResponseStream {
    void each(String surveyId, Consumer<StoredResponse> each);
}
