/*
 * GET /embed/v1/help.js: the Safeguarding API's help for any website, as one custom element.
 *   <script type="module" src="https://API/embed/v1/help.js" referrerpolicy="no-referrer"></script>
 *   <safeguarding-help situation="worried-about-a-child" postcode></safeguarding-help>
 * No cookies, no storage, no requests but to the API; works under a strict CSP.
 */
import { SafeguardingHelp } from './element.js'

if (customElements.get('safeguarding-help') === undefined) customElements.define('safeguarding-help', SafeguardingHelp)
