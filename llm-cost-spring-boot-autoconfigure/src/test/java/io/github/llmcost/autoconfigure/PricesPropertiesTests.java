/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.llmcost.autoconfigure;

import java.math.BigDecimal;

import io.github.llmcost.billing.BillingDimension;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link LlmCostProperties.Prices} has a property for every
 * {@link BillingDimension}, so a new dimension cannot be added without its property.
 *
 * @author llm-cost contributors
 */
class PricesPropertiesTests {

	@Test
	void everyDimensionHasAPriceProperty() {
		LlmCostProperties.ModelPricing pricing = new LlmCostProperties.ModelPricing();
		BeanWrapper properties = PropertyAccessorFactory.forBeanPropertyAccess(pricing);
		BigDecimal price = BigDecimal.ONE;
		for (BillingDimension dimension : BillingDimension.values()) {
			String name = LlmCostProperties.Prices.javaName(dimension);
			assertThat(properties.isWritableProperty(name)).as(dimension.propertyName()).isTrue();
			properties.setPropertyValue(name, price);
			price = price.add(BigDecimal.ONE);
		}
		assertThat(pricing.prices()).hasSize(BillingDimension.values().length);
		assertThat(pricing.prices().get(BillingDimension.INPUT)).isEqualTo("1");
		assertThat(pricing.prices().get(BillingDimension.REQUEST))
			.isEqualTo(BigDecimal.valueOf(BillingDimension.values().length));
	}

}
