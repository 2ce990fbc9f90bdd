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

package io.github.llmcost.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.common.docs.KeyName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LlmCostMeters}: they pin the meter names and keys, and the README's
 * table of meters to the list.
 *
 * @author llm-cost contributors
 */
class LlmCostMetersTests {

	private static final Pattern METER_NAME = Pattern.compile("`(llm\\.[a-z.]+)`");

	@Test
	void shouldDocumentEveryMeter() {
		assertThat(Arrays.stream(LlmCostMeters.values()).map(LlmCostMeters::getName)).containsExactly("llm.call",
				"llm.tokens", "llm.cost", "llm.call.cost", "llm.attribution.capped", "llm.budget.spent",
				"llm.budget.limit", "llm.budget.forecast", "llm.budget.store.failures", "llm.cost.anomalies");
		assertThat(names(LlmCostMeters.TOKENS.getKeyNames())).containsExactly("llm.token.type");
		assertThat(names(LlmCostMeters.COST.getKeyNames())).containsExactly("llm.cost.type", "currency");
		assertThat(names(LlmCostMeters.BUDGET_SPENT.getKeyNames())).containsExactly("budget", "currency");
		assertThat(names(LlmCostMeters.COST_ANOMALIES.getKeyNames())).containsExactly("dimension", "value");
		assertThat(LlmCostMeters.TOKENS.getBaseUnit()).isEqualTo("tokens");
	}

	@Test
	void readmeTableOfMetersListsEveryMeterAndNoOther() throws IOException {
		String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
		String section = readme.substring(readme.indexOf("\n## Meters\n"));
		section = section.substring(0, section.indexOf("\n## ", 1));
		List<String> documented = new ArrayList<>();
		for (String line : section.split("\n")) {
			if (line.startsWith("| `llm.")) {
				Matcher names = METER_NAME.matcher(line.substring(0, line.indexOf(" |", 2)));
				while (names.find()) {
					documented.add(names.group(1));
				}
			}
		}
		assertThat(documented).containsExactlyInAnyOrderElementsOf(
				Arrays.stream(LlmCostMeters.values()).map(LlmCostMeters::getName).toList());
	}

	private static String[] names(KeyName[] keyNames) {
		return Arrays.stream(keyNames).map(KeyName::asString).toArray(String[]::new);
	}

}
