package no.ks.barometer.mailing;

/** Why an organisation does not get a mailing's mail. */
public enum Exclusion {
    /** It has submitted its response. */
    COMPLETED,
    /** It said it will not take part. */
    DECLINED,
    /** It said the survey reached the wrong organisation. */
    WRONG_RECIPIENT,
    /** Its link is revoked: reissue it first. */
    LINK_REVOKED,
    /** Its link has expired: reissue it first. */
    LINK_EXPIRED,
    /** There is no address to send to. */
    NO_ADDRESS,
    /** A chosen organisation that has no invitation to the survey. */
    NOT_INVITED,
    /** This mailing has sent it already, or claimed it before a crash left unknown whether it went out. */
    ALREADY_MAILED
}
