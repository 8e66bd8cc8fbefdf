package nl.loket.environment.provider;

import java.util.List;

/**
 * What to create. {@code key} identifies the environment at the provider for its whole life (e.g. {@code env-42});
 * {@code name} is its DNS-safe name within the tenant.
 */
public record EnvironmentSpec(String key, String tenant, String name, String template, List<String> components,
                              String stage, String size, String owner) {
}
