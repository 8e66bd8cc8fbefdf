package nl.loket.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import nl.loket.request.Request;
import nl.loket.support.EngineTime;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestProcesses;
import nl.loket.support.TestUsers;
import nl.loket.tenant.Tenant;
import nl.loket.tenant.TenantService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sustainability figures from real runs: a week of an office-hours environment next to one that is always on,
 * in a tenant of their own, with the engine clock moved through the week.
 */
@LoketIntegrationTest
class SustainabilityIT {

    @Autowired EnvironmentService environments;
    @Autowired SustainabilityService sustainability;
    @Autowired TenantService tenants;
    @Autowired TestUsers users;
    @Autowired TestProcesses processes;

    @AfterEach
    void reset() {
        EngineTime.reset();
        processes.endAll(EnvironmentProcess.KEY);
        processes.endAll(LeaseExtensionProcess.KEY);
        TestUsers.logout();
    }

    @Test
    void a_week_on_office_hours_avoids_108_of_168_hours_and_the_always_on_one_avoids_none() {
        String tenant = "s" + UUID.randomUUID().toString().substring(0, 8);
        tenants.addIfAbsent(new Tenant(tenant, "Sustainable " + tenant, "mark", "sanne", new BigDecimal("50000")),
                List.of("emma"));
        EngineTime.set(LocalDateTime.of(2026, 11, 9, 6, 59, 20));   // Monday, just before office hours
        users.loginAs("emma");
        Request office = environments.order(order(tenant, Schedule.officeHours()));
        Request always = environments.order(order(tenant, Schedule.alwaysOn()));
        processes.executeJobsOf(office.processInstanceId());
        processes.executeJobsOf(always.processInstanceId());
        EngineTime.set(LocalDateTime.of(2026, 11, 9, 7, 0));   // both ready: the simulated cloud took 40 s
        processes.executeJobsOf(office.processInstanceId());
        processes.executeJobsOf(always.processInstanceId());

        for (int day = 9; day <= 13; day++) {   // Monday to Friday
            EngineTime.set(LocalDateTime.of(2026, 11, day, 7, 0));
            processes.executeJobsOf(office.processInstanceId());
            EngineTime.set(LocalDateTime.of(2026, 11, day, 19, 0));
            processes.executeJobsOf(office.processInstanceId());
        }
        EngineTime.set(LocalDateTime.of(2026, 11, 16, 7, 0));   // a week after both were ready

        Footprint footprint = sustainability.of(tenant);
        assertThat(footprint.environments()).isEqualTo(2);
        assertThat(footprint.alwaysOn()).isEqualTo(Duration.ofHours(2 * 168));
        assertThat(footprint.ran()).as("60 office hours plus 168").isEqualTo(Duration.ofHours(60 + 168));
        assertThat(footprint.avoided()).isEqualTo(Duration.ofHours(108));
        // 108 h x 0.5 credits (small database sandbox); EUR 3 a credit
        assertThat(footprint.creditsSaved()).isEqualByComparingTo("54.00");
        assertThat(footprint.eurosSaved()).isEqualByComparingTo("162.00");
        // 108 h x 18 W x 1 component x 0.5 = 0.972 kWh; x 0.374 kg CO2e/kWh = 0.36
        assertThat(footprint.kwhAvoided()).isEqualByComparingTo("1.0");
        assertThat(footprint.kgCo2eAvoided()).isEqualByComparingTo("0.4");
        assertThat(footprint.runningNow()).as("Monday 07:00: the office-hours one started again only when its timer runs")
                .isEqualTo(1);
        assertThat(footprint.peakRunning()).isEqualTo(2);
        assertThat(footprint.existingNow()).isEqualTo(2);
        assertThat(footprint.percentAvoided()).isEqualByComparingTo("32.1");
    }

    @Test
    void the_demo_history_gives_every_tenant_booked_past_environments_and_figures() {
        for (Tenant tenant : tenants.all().stream().filter(t -> List.of("utrecht", "amersfoort", "zeist", "provincie")
                .contains(t.code())).toList()) {
            Footprint footprint = sustainability.of(tenant.code());
            assertThat(footprint.environments()).as(tenant.code()).isGreaterThanOrEqualTo(3);
            assertThat(footprint.ran()).as("office hours run less than always on").isLessThan(footprint.alwaysOn());
            assertThat(footprint.creditsSaved()).isPositive();
            assertThat(footprint.peakExisting()).isGreaterThanOrEqualTo(3);
        }
    }

    private static EnvironmentOrder order(String tenant, Schedule schedule) {
        return new EnvironmentOrder(tenant, "database-sandbox", "s-" + UUID.randomUUID().toString().substring(0, 6),
                Stage.DEVELOPMENT, Size.SMALL, false, false, schedule, LocalDate.of(2026, 12, 31));
    }
}
