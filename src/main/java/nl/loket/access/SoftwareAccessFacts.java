package nl.loket.access;

import java.time.LocalDate;
import java.util.List;

import nl.loket.request.Request;
import nl.loket.request.RequestFact;
import nl.loket.request.RequestFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The details of a software-access request, for the requester's and the approver's views. */
@Component
class SoftwareAccessFacts implements RequestFacts {

    private final JdbcClient jdbc;

    SoftwareAccessFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String requestType() {
        return SoftwareAccessProcess.KEY;
    }

    @Override
    public List<RequestFact> factsOf(Request request) {
        return jdbc.sql("""
                select s.name, s.vendor, s.licence_cost_eur, r.justification, r.admin_rights, r.end_date
                from software_access_request r join software s on s.id = r.software_id where r.request_id = ?""")
                .param(request.id())
                .query((rs, i) -> List.of(
                        RequestFact.text("software.name", rs.getString("name")),
                        RequestFact.text("software.vendor", rs.getString("vendor")),
                        RequestFact.euros("software.licence-cost", rs.getBigDecimal("licence_cost_eur")),
                        RequestFact.yesNo("software.admin-rights", rs.getBoolean("admin_rights")),
                        RequestFact.date("software.end-date", rs.getObject("end_date", LocalDate.class)),
                        RequestFact.longText("software.justification", rs.getString("justification"))))
                .optional().orElse(List.of());
    }
}
