package nl.loket.access;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.loket.request.Request;
import nl.loket.request.RequestFact;
import nl.loket.request.RequestFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The details of a software-access request, for the requester's, the approver's and the fulfiller's views: what was
 * asked, how it is delivered and, for a product an IT fulfiller delivers, what they did.
 */
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
                select s.name, s.vendor, s.licence_cost_eur, s.fulfilment, r.justification, r.admin_rights, r.end_date,
                       f.done, f.note
                from software_access_request r join software s on s.id = r.software_id
                left join software_fulfilment f on f.request_id = r.request_id
                where r.request_id = ?""")
                .param(request.id())
                .query((rs, i) -> {
                    List<RequestFact> facts = new ArrayList<>(List.of(
                            RequestFact.text("software.name", rs.getString("name")),
                            RequestFact.text("software.vendor", rs.getString("vendor")),
                            RequestFact.euros("software.licence-cost", rs.getBigDecimal("licence_cost_eur")),
                            RequestFact.message("software.delivery", "software.delivery." + rs.getString("fulfilment")),
                            RequestFact.yesNo("software.admin-rights", rs.getBoolean("admin_rights")),
                            RequestFact.date("software.end-date", rs.getObject("end_date", LocalDate.class)),
                            RequestFact.longText("software.justification", rs.getString("justification"))));
                    // what the IT fulfiller did, once they did it (a manual product only)
                    if (rs.getString("done") != null) {
                        facts.add(RequestFact.longText("software.fulfilment-done", rs.getString("done")));
                    }
                    if (rs.getString("note") != null) {
                        facts.add(RequestFact.longText("software.fulfilment-note", rs.getString("note")));
                    }
                    return List.copyOf(facts);
                })
                .optional().orElse(List.of());
    }
}
