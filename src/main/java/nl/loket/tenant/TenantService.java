package nl.loket.tenant;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tenants and who belongs to them. The owner and the privacy owner count as members. */
@Service
public class TenantService {

    private static final String SELECT = """
            select code, name, owner_username, privacy_owner_username, yearly_budget_credits from tenant""";

    private final JdbcClient jdbc;

    TenantService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Tenant> all() {
        return jdbc.sql(SELECT + " order by name").query(TenantService::map).list();
    }

    public Optional<Tenant> find(String code) {
        return jdbc.sql(SELECT + " where code = ?").param(code).query(TenantService::map).optional();
    }

    /** The tenants a user may request environments for and whose environments they see. */
    public List<Tenant> tenantsOf(String username) {
        return jdbc.sql(SELECT + " " + """
                         where owner_username = :user or privacy_owner_username = :user
                            or code in (select tenant_code from tenant_member where username = :user)
                         order by name""")
                .param("user", username).query(TenantService::map).list();
    }

    public boolean isMember(String code, String username) {
        return tenantsOf(username).stream().anyMatch(tenant -> tenant.code().equals(code));
    }

    public List<String> members(String code) {
        return jdbc.sql("select username from tenant_member where tenant_code = ? order by username").param(code)
                .query(String.class).list();
    }

    /** For demo data and set-up: adds the tenant if its code is new; never overwrites. */
    @Transactional
    public void addIfAbsent(Tenant tenant, List<String> members) {
        if (find(tenant.code()).isEmpty()) {
            jdbc.sql("""
                    insert into tenant (code, name, owner_username, privacy_owner_username, yearly_budget_credits)
                    values (?, ?, ?, ?, ?)""")
                    .params(tenant.code(), tenant.name(), tenant.owner(), tenant.privacyOwner(),
                            tenant.yearlyBudgetCredits())
                    .update();
        }
        members.forEach(member -> addMember(tenant.code(), member));
    }

    @Transactional
    public void addMember(String code, String username) {
        jdbc.sql("""
                insert into tenant_member (tenant_code, username)
                select ?, ? where not exists (select 1 from tenant_member where tenant_code = ? and username = ?)""")
                .params(code, username, code, username).update();
    }

    private static Tenant map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        BigDecimal budget = rs.getBigDecimal("yearly_budget_credits");
        return new Tenant(rs.getString("code"), rs.getString("name"), rs.getString("owner_username"),
                rs.getString("privacy_owner_username"), budget);
    }
}
