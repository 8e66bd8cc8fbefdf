package nl.loket.access;

import java.math.BigDecimal;

/** An application employees can request, with its monthly licence cost per user in euros. */
public record Software(long id, String name, String vendor, String description, BigDecimal licenceCostEur) {
}
