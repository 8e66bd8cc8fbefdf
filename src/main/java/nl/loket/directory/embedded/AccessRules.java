package nl.loket.directory.embedded;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedCompareRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedDeleteRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedExtendedRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyDNRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;

/**
 * The little access control the embedded directory has, in the spirit of OpenLDAP's default ACLs: anyone may read
 * (but never a password hash, and no password guessing by compare); only Loket's service account may change
 * entries; a person bound as themselves may change their own password (RFC 3062), nothing else.
 */
final class AccessRules extends InMemoryOperationInterceptor {

    private static final String PASSWORD = "userPassword";
    private static final int REMEMBERED_CONNECTIONS = 10_000;

    private final DN serviceAccount;
    /** Connection id → the DN it is bound as (anonymous connections are not in it). */
    private final Map<Long, DN> boundAs = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, DN> eldest) {
            return size() > REMEMBERED_CONNECTIONS;
        }
    });

    AccessRules(String serviceAccountDn) {
        try {
            this.serviceAccount = new DN(serviceAccountDn);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("Not a DN: " + serviceAccountDn, e);
        }
    }

    @Override
    public void processSimpleBindResult(InMemoryInterceptedSimpleBindResult bind) {
        String dn = bind.getRequest().getBindDN();
        if (bind.getResult().getResultCode() == ResultCode.SUCCESS && dn != null && !dn.isEmpty()) {
            try {
                boundAs.put(bind.getConnectionID(), new DN(dn));
                return;
            } catch (LDAPException notADn) {
                // fall through: treated as anonymous
            }
        }
        boundAs.remove(bind.getConnectionID());
    }

    private boolean isService(long connection) {
        return serviceAccount.equals(boundAs.get(connection));
    }

    private void serviceOnly(long connection) throws LDAPException {
        if (!isService(connection)) {
            throw new LDAPException(ResultCode.INSUFFICIENT_ACCESS_RIGHTS,
                    "Only Loket's service account changes the embedded directory");
        }
    }

    @Override
    public void processAddRequest(InMemoryInterceptedAddRequest request) throws LDAPException {
        serviceOnly(request.getConnectionID());
    }

    @Override
    public void processDeleteRequest(InMemoryInterceptedDeleteRequest request) throws LDAPException {
        serviceOnly(request.getConnectionID());
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
        serviceOnly(request.getConnectionID());
    }

    @Override
    public void processModifyDNRequest(InMemoryInterceptedModifyDNRequest request) throws LDAPException {
        serviceOnly(request.getConnectionID());
    }

    @Override
    public void processCompareRequest(InMemoryInterceptedCompareRequest request) throws LDAPException {
        if (PASSWORD.equalsIgnoreCase(request.getRequest().getAttributeName())) {
            throw new LDAPException(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, "Passwords are checked by a bind");
        }
    }

    @Override
    public void processExtendedRequest(InMemoryInterceptedExtendedRequest request) throws LDAPException {
        if (!PasswordModifyExtendedRequest.PASSWORD_MODIFY_REQUEST_OID.equals(request.getRequest().getOID())
                || isService(request.getConnectionID())) {
            return;
        }
        DN self = boundAs.get(request.getConnectionID());
        String identity = new PasswordModifyExtendedRequest(request.getRequest()).getUserIdentity();
        if (self == null || (identity != null && !self.equals(dnOf(identity)))) {
            throw new LDAPException(ResultCode.INSUFFICIENT_ACCESS_RIGHTS,
                    "Bind as yourself to change your own password");
        }
    }

    private static DN dnOf(String identity) {
        try {
            return new DN(identity.regionMatches(true, 0, "dn:", 0, 3) ? identity.substring(3) : identity);
        } catch (LDAPException notADn) {
            return null;
        }
    }

    @Override
    public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
        if (result.getSearchEntry().hasAttribute(PASSWORD)) {
            Entry copy = result.getSearchEntry().duplicate();
            copy.removeAttribute(PASSWORD);
            result.setSearchEntry(copy);
        }
    }
}
