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

import io.github.llmcost.actuate.LlmCostEndpoint;
import io.github.llmcost.actuate.LlmCostTotals;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LlmCostEndpointAutoConfiguration}.
 *
 * @author llm-cost contributors
 */
class LlmCostEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(LlmCostAutoConfiguration.class, LlmCostEndpointAutoConfiguration.class));

	@Test
	void shouldSupplyEndpointWhenExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=llmcost").run((context) -> {
			assertThat(context).hasSingleBean(LlmCostEndpoint.class);
			assertThat(context).hasSingleBean(LlmCostTotals.class);
		});
	}

	@Test
	void shouldNotSupplyEndpointWhenNotExposed() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(LlmCostEndpoint.class);
			assertThat(context).doesNotHaveBean(LlmCostTotals.class);
		});
	}

}
