package no.ks.barometer.mailing;

import no.ks.barometer.mail.MailRefusedException;
import no.ks.barometer.mail.Outbox;
import no.ks.barometer.mail.OutgoingMail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An outbox that keeps what it is given, and can be told to fail after so many mails, in either way a sender can. */
final class RecordingOutbox implements Outbox {

    enum Failure {
        /** The mail after the last one is refused: certainly not sent. */
        REFUSE_NEXT,
        /** The last mail goes out, and then the sender dies before hearing so. */
        DIE_AFTER_SENDING
    }

    record Sent(OutgoingMail mail, Instant at) {
        String orgNumber() {
            return mail.reference().substring(mail.reference().lastIndexOf('-') + 1);
        }
    }

    private final List<Sent> sent;
    private final Clock clock;
    private final int failAfter;
    private final Failure failure;
    private final AtomicInteger attempts = new AtomicInteger();

    private RecordingOutbox(List<Sent> sent, Clock clock, int failAfter, Failure failure) {
        this.sent = sent;
        this.clock = clock;
        this.failAfter = failAfter;
        this.failure = failure;
    }

    static RecordingOutbox working(Clock clock) {
        return new RecordingOutbox(new CopyOnWriteArrayList<>(), clock, Integer.MAX_VALUE, null);
    }

    /** Shares this outbox's record of sent mail, so that a restart's mail and the first start's are counted together. */
    RecordingOutbox failingAfter(int mails, Failure how) {
        return new RecordingOutbox(sent, clock, mails, how);
    }

    RecordingOutbox restarted() {
        return new RecordingOutbox(sent, clock, Integer.MAX_VALUE, null);
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    List<String> orgNumbers() {
        return sent.stream().map(Sent::orgNumber).toList();
    }

    @Override
    public String send(OutgoingMail mail) {
        int attempt = attempts.incrementAndGet();
        if (failure == Failure.REFUSE_NEXT && attempt > failAfter) {
            throw new MailRefusedException("Throttled", null);
        }
        sent.add(new Sent(mail, clock.instant()));
        if (failure == Failure.DIE_AFTER_SENDING && attempt == failAfter) {
            throw new IllegalStateException("The sender died before it heard the mail went out");
        }
        return "message-" + sent.size();
    }
}
