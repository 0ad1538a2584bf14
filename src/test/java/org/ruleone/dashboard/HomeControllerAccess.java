package org.ruleone.dashboard;

/** The home controller's limits, for the tests of this module (the controller is package-private in web/). */
final class HomeControllerAccess {

    static final int STORES_SHOWN = 24;

    private HomeControllerAccess() {
    }
}
