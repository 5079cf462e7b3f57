package no.ks.barometer.mailing;

/** The account may not send mail now, so a mailing does not start: nothing is claimed, nothing is sent. */
public final class SendingDisabledException extends IllegalStateException {

    SendingDisabledException() {
        super("Sending is disabled for the account (its sending quota says so): the mailing did not start, no mail"
                + " was claimed or sent; enable sending for the account and start the mailing again");
    }
}
