/*
 * Loket: Camunda's own login form is no way in. The web apps share the portal's session and its login (single
 * sign-on), so a visit to their login route (after "Log out", or by its address) goes to the portal's login page.
 * Loaded as a custom script by the scripts/config.js of each of Camunda's web apps (cockpit, tasklist, admin,
 * welcome).
 */
const appRoot = document.querySelector('base').getAttribute('app-root') || '/camunda';
const portalLogin = appRoot.replace(/\/camunda\/?$/, '') + '/login';

function leaveCamundasLogin() {
  if (window.location.hash.startsWith('#/login')) {
    window.location.replace(portalLogin);
  }
}

window.addEventListener('hashchange', leaveCamundasLogin);
leaveCamundasLogin();

export default [];
