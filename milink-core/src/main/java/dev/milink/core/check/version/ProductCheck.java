// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Finding;
import dev.milink.core.check.InstanceCheck;
import dev.milink.core.model.Fact;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts.Product;

/**
 * A version check that judges the product (version and edition): when {@code SERVERPROPERTY} could not be read it
 * is UNKNOWN with the reason, otherwise the check judges the product it is given.
 */
abstract class ProductCheck extends InstanceCheck {

    private final String what;

    /** @param what what the check reads, for the UNKNOWN message, e.g. "The SQL Server version" */
    ProductCheck(CheckMetadata meta, String what) {
        super(meta);
        this.what = what;
    }

    @Override
    protected final Finding evaluate(Facts facts, CheckContext context, Finding.Builder finding) {
        if (!(facts.server().product() instanceof Fact.Known<Product>(Product product))) {
            return finding.unreadable(what, facts.server().product());
        }
        return evaluate(product, facts, context, finding);
    }

    /** The finding for the instance running {@code product}. */
    protected abstract Finding evaluate(Product product, Facts facts, CheckContext context, Finding.Builder finding);
}
