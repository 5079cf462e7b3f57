package no.ks.barometer.admin;

import no.ks.barometer.response.ResponseStatus;

import java.util.EnumMap;
import java.util.Map;

/**
 * How many invitations stand where. Each invitation is counted once, by its status now, so the statuses add up
 * to {@code invited}.
 *
 * @param invited      every invitation
 * @param notOpened    invited, link not used yet
 * @param opened       opened, nothing saved yet
 * @param responseRate completed as a share of invited, in percent with one decimal; 0 when none are invited
 */
public record StatusCounts(int invited, int notOpened, int opened, int inProgress, int completed, int declined,
                           int wrongRecipient, double responseRate) {

    static StatusCounts of(Map<ResponseStatus, Integer> byStatus) {
        Map<ResponseStatus, Integer> counts = new EnumMap<>(ResponseStatus.class);
        counts.putAll(byStatus);
        int invited = counts.values().stream().mapToInt(Integer::intValue).sum();
        int completed = counts.getOrDefault(ResponseStatus.COMPLETED, 0);
        double rate = invited == 0 ? 0 : Math.round(completed * 1000.0 / invited) / 10.0;
        return new StatusCounts(invited,
                counts.getOrDefault(ResponseStatus.INVITED, 0),
                counts.getOrDefault(ResponseStatus.OPENED, 0),
                counts.getOrDefault(ResponseStatus.IN_PROGRESS, 0),
                completed,
                counts.getOrDefault(ResponseStatus.DECLINED, 0),
                counts.getOrDefault(ResponseStatus.WRONG_RECIPIENT, 0),
                rate);
    }
}
