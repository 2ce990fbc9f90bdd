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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the README's property reference and the configuration metadata that the
 * build generates from {@link LlmCostProperties} agree, both ways.
 *
 * @author llm-cost contributors
 */
class PropertiesDocumentationTests {

	private static final Pattern TABLE_KEY = Pattern.compile("^\\| `(llm-cost\\.[^`]+)`", Pattern.MULTILINE);

	@Test
	void everyPropertyInTheMetadataShouldBeInTheReadmeTable() throws IOException {
		List<String> documented = readmeKeys();
		assertThat(metadataProperties()).isNotEmpty()
			.allSatisfy((property) -> assertThat(documented).as("README row for %s", property)
				.anyMatch((key) -> key.equals(property) || key.startsWith(property + ".")));
	}

	@Test
	void everyPropertyInTheReadmeTableShouldBeInTheMetadata() throws IOException {
		List<String> properties = metadataProperties();
		assertThat(readmeKeys()).isNotEmpty()
			.allSatisfy((key) -> assertThat(properties).as("metadata property for README row %s", key)
				.anyMatch((property) -> key.equals(property) || key.startsWith(property + ".")));
	}

	private static List<String> metadataProperties() throws IOException {
		String json = Files.readString(Path.of("target/classes/META-INF/spring-configuration-metadata.json"),
				StandardCharsets.UTF_8);
		List<String> properties = new ArrayList<>();
		for (JsonNode property : JsonMapper.builder().build().readTree(json).get("properties")) {
			String name = property.get("name").asString();
			if (name.startsWith(LlmCostProperties.CONFIG_PREFIX + ".")) {
				properties.add(name);
			}
		}
		return properties;
	}

	private static List<String> readmeKeys() throws IOException {
		String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
		String table = readme.substring(readme.indexOf("\n## Properties\n"), readme.indexOf("\n## Meters\n"));
		List<String> keys = new ArrayList<>();
		Matcher matcher = TABLE_KEY.matcher(table);
		while (matcher.find()) {
			keys.add(matcher.group(1));
		}
		return keys;
	}

}
