// Loket's configuration of this Camunda web app (it replaces the app's own config.js, whose settings are all
// commented out defaults): send its login route to the portal's login page.
export default {
  customScripts: ['../loket/portal-login']
};
