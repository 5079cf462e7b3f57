package no.ks.barometer.admin;

/** How an imported register is written. */
public enum RegisterFormat {
    /** A header line naming the columns, then one organisation per line. */
    CSV,
    /** An array with one object per organisation. */
    JSON
}
