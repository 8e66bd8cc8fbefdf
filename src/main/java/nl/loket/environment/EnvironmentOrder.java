package nl.loket.environment;

import java.time.LocalDate;

/** What a tenant member configures: the choices of the configure page, before anything exists. */
public record EnvironmentOrder(String tenant, String template, String name, Stage stage, Size size, boolean support,
                               boolean productionData, Schedule schedule, LocalDate leaseEnd) {
}
