/**
 * Tiny value types every module may use: languages, money, e-mail addresses.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.ruleone.shared;
