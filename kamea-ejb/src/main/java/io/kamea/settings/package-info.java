/**
 * How Kamea reads its configuration: one typed settings bean per component, in the component's
 * own package, reads its keys through {@link io.kamea.settings.SettingReader} when the application
 * starts, so that a wrong value stops the deployment with a message naming its key instead of
 * meaning something else later. The keys and what each accepts are listed in
 * docs/configuration.md.
 */
package io.kamea.settings;
