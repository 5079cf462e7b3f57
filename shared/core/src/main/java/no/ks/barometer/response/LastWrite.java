package no.ks.barometer.response;

import java.util.List;

/**
 * Fingerprint of the last accepted write, kept on the response so that a retry of exactly that request is
 * recognised and answered as before instead of being stored again or refused as stale.
 *
 * @param request          which request it was: {@code page:<pageId>} or {@code submit}
 * @param baseVersion      the version the request was made against
 * @param bodyHash         hash of the request's canonical body
 * @param removedQuestions what the write removed, to repeat in the answer
 */
public record LastWrite(String request, long baseVersion, String bodyHash, List<String> removedQuestions) {

    public static final String SUBMIT = "submit";

    public LastWrite {
        removedQuestions = List.copyOf(removedQuestions);
    }

    public static String page(String pageId) {
        return "page:" + pageId;
    }

    public boolean repeatedBy(String request, long baseVersion, String bodyHash) {
        return this.request.equals(request) && this.baseVersion == baseVersion && this.bodyHash.equals(bodyHash);
    }
}
