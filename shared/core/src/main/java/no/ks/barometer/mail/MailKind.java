package no.ks.barometer.mail;

/** What a mail is for; each has its templates under {@code mail/<language>/<template>.*}. */
public enum MailKind {
    INVITATION("invitation"),
    REMINDER("reminder");

    private final String template;

    MailKind(String template) {
        this.template = template;
    }

    String template() {
        return template;
    }
}
