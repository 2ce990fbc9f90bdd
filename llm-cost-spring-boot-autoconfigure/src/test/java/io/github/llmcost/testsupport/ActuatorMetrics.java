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

package io.github.llmcost.testsupport;

import java.util.List;
import java.util.Map;

import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads meters from a running application's {@code /actuator/metrics} endpoint over HTTP,
 * as a user or a dashboard would.
 *
 * @author llm-cost contributors
 */
public final class ActuatorMetrics {

	private final RestClient restClient;

	/**
	 * Create a reader of the application listening on the given port.
	 * @param port the application's HTTP port
	 */
	public ActuatorMetrics(int port) {
		this.restClient = RestClient.create("http://localhost:" + port);
	}

	/**
	 * Return one statistic of a meter, summed over the series that carry the tags.
	 * @param name the meter name
	 * @param statistic the statistic, such as {@code COUNT} or {@code TOTAL}
	 * @param tags tags as {@code key:value}
	 * @return the value
	 */
	@SuppressWarnings("unchecked")
	public double statistic(String name, String statistic, String... tags) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/actuator/metrics/" + name);
		for (String tag : tags) {
			uri.queryParam("tag", tag);
		}
		Map<String, Object> body = this.restClient.get().uri(uri.build().toUriString()).retrieve().body(Map.class);
		assertThat(body).isNotNull();
		List<Map<String, Object>> measurements = (List<Map<String, Object>>) body.get("measurements");
		return measurements.stream()
			.filter((measurement) -> statistic.equals(measurement.get("statistic")))
			.map((measurement) -> ((Number) measurement.get("value")).doubleValue())
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Return the count of a counter, summed over the series that carry the tags.
	 * @param name the counter name
	 * @param tags tags as {@code key:value}
	 * @return the count
	 */
	public double count(String name, String... tags) {
		return statistic(name, "COUNT", tags);
	}

	/**
	 * Return the values of one tag of a meter.
	 * @param name the meter name
	 * @param tag the tag key
	 * @return the values
	 */
	@SuppressWarnings("unchecked")
	public List<String> tagValues(String name, String tag) {
		Map<String, Object> body = this.restClient.get().uri("/actuator/metrics/" + name).retrieve().body(Map.class);
		assertThat(body).isNotNull();
		List<Map<String, Object>> tags = (List<Map<String, Object>>) body.get("availableTags");
		return tags.stream()
			.filter((candidate) -> tag.equals(candidate.get("tag")))
			.flatMap((candidate) -> ((List<String>) candidate.get("values")).stream())
			.toList();
	}

	/**
	 * Return the tag keys of a meter.
	 * @param name the meter name
	 * @return the tag keys
	 */
	@SuppressWarnings("unchecked")
	public List<String> tagKeys(String name) {
		Map<String, Object> body = this.restClient.get().uri("/actuator/metrics/" + name).retrieve().body(Map.class);
		assertThat(body).isNotNull();
		List<Map<String, Object>> tags = (List<Map<String, Object>>) body.get("availableTags");
		return tags.stream().map((tag) -> (String) tag.get("tag")).toList();
	}

}
