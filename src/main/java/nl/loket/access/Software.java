package nl.loket.access;

import java.math.BigDecimal;

/**
 * An application employees can request, with its monthly licence cost per user in euros and how it is delivered.
 */
public record Software(long id, String name, String vendor, String description, BigDecimal licenceCostEur,
                       Fulfilment fulfilment) {

    /** An IT fulfiller installs or sets it up by hand: the request waits for their task. */
    public boolean isManual() {
        return fulfilment == Fulfilment.MANUAL;
    }
}
