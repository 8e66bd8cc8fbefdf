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

    public static final String FIELD_CODE = "code";
    public static final String FIELD_NAME = "name";
    public static final String FIELD_OWNER = "owner";
    public static final String FIELD_PRIVACY_OWNER = "privacyOwner";
    public static final String FIELD_BUDGET = "budget";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TenantService.class);
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[a-z][a-z0-9-]{1,39}");

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

    /**
     * Adds or changes a tenant and sets its members (admins, at *Tenants*). Checked field by field; an existing
     * tenant keeps its code.
     */
    @Transactional
    public void save(Tenant tenant, java.util.Collection<String> members) {
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (tenant.code() == null || !CODE.matcher(tenant.code()).matches()) {
            errors.put(FIELD_CODE, "tenant.error.code");
        }
        if (tenant.name() == null || tenant.name().isBlank() || tenant.name().length() > 200) {
            errors.put(FIELD_NAME, "tenant.error.name");
        }
        if (tenant.owner() == null || !userExists(tenant.owner())) {
            errors.put(FIELD_OWNER, "tenant.error.owner");
        }
        if (tenant.privacyOwner() != null && !userExists(tenant.privacyOwner())) {
            errors.put(FIELD_PRIVACY_OWNER, "tenant.error.owner");
        }
        if (tenant.yearlyBudgetCredits() == null || tenant.yearlyBudgetCredits().signum() < 0
                || tenant.yearlyBudgetCredits().compareTo(new BigDecimal("1000000000")) >= 0) {
            errors.put(FIELD_BUDGET, "tenant.error.budget");
        }
        if (!errors.isEmpty()) {
            throw new nl.loket.request.InvalidRequestException(errors);
        }
        if (find(tenant.code()).isPresent()) {
            jdbc.sql("""
                    update tenant set name = ?, owner_username = ?, privacy_owner_username = ?, yearly_budget_credits = ?
                    where code = ?""")
                    .params(tenant.name().strip(), tenant.owner(), tenant.privacyOwner(), tenant.yearlyBudgetCredits(),
                            tenant.code())
                    .update();
        } else {
            jdbc.sql("""
                    insert into tenant (code, name, owner_username, privacy_owner_username, yearly_budget_credits)
                    values (?, ?, ?, ?, ?)""")
                    .params(tenant.code(), tenant.name().strip(), tenant.owner(), tenant.privacyOwner(),
                            tenant.yearlyBudgetCredits())
                    .update();
        }
        jdbc.sql("delete from tenant_member where tenant_code = ?").param(tenant.code()).update();
        members.stream().distinct().filter(this::userExists).forEach(member -> addMember(tenant.code(), member));
        log.info("Tenant {} saved with {} members", tenant.code(), members.size());
    }

    private boolean userExists(String username) {
        return jdbc.sql("select count(*) from loket_user where username = ?").param(username).query(Integer.class)
                .single() > 0;
    }

    private static Tenant map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        BigDecimal budget = rs.getBigDecimal("yearly_budget_credits");
        return new Tenant(rs.getString("code"), rs.getString("name"), rs.getString("owner_username"),
                rs.getString("privacy_owner_username"), budget);
    }
}
