package dev.conclave;

import dev.conclave.http.ConclaveException;
import java.util.List;

/**
 * A conference given by friendly name matched more than one in-progress conference, so Conclave cannot tell which
 * one a call means; nothing but the lookup was sent. Twilio keeps the names of live conferences unique, so this
 * is rare: give the conference by SID, one of {@link #sids()}.
 */
public class AmbiguousConferenceException extends ConclaveException {
    private static final long serialVersionUID = 1L;

    /** The friendly name that was given. */
    private final String name;
    /** The SIDs of the in-progress conferences of that name that were found; unmodifiable. */
    private final List<String> sids;
    /** Whether Twilio has more of them than {@link #sids} holds. */
    private final boolean more;

    /**
     * Creates the exception.
     *
     * @param name the friendly name that was given
     * @param sids the SIDs of the in-progress conferences of that name that were found
     * @param more whether Twilio has more of them than {@code sids} holds
     */
    public AmbiguousConferenceException(String name, List<String> sids, boolean more) {
        super("The conference name '" + name + "' matches " + (more ? "more than " : "") + sids.size()
                + " in-progress conferences: " + String.join(", ", sids) + (more ? ", ..." : "")
                + "; give the conference by its SID");
        this.name = name;
        this.sids = List.copyOf(sids);
        this.more = more;
    }

    /**
     * The friendly name that was given.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The SIDs of the in-progress conferences of that name, in Twilio's order (at most 20).
     *
     * @return the SIDs, unmodifiable, two or more (or one, when {@link #hasMore()})
     */
    public List<String> sids() {
        return sids;
    }

    /**
     * Whether more conferences than {@link #sids()} have that name.
     *
     * @return true when the list is cut short
     */
    public boolean hasMore() {
        return more;
    }
}
