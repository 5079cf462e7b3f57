package no.ks.barometer.response;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

/**
 * What an accepted page save stores, in one conditional write on the response read at {@code expectedVersion}.
 *
 * @param answers    every answer of the response after the save, hidden ones already removed
 * @param status     {@code IN_PROGRESS}, or the end the answers chose ({@code DECLINED}, {@code WRONG_RECIPIENT})
 */
public record PageWrite(
        long expectedVersion,
        ResponseStatus status,
        ObjectNode answers,
        List<String> savedPages,
        String questionnaireId,
        int questionnaireVersion,
        Instant now,
        LastWrite lastWrite) {

    public PageWrite {
        savedPages = List.copyOf(savedPages);
    }
}
