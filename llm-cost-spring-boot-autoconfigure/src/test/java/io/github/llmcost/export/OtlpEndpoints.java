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

package io.github.llmcost.export;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points Boot's OTLP metrics and span exporters at two loopback ports reserved once per
 * JVM. {@link OtlpExportIntegrationTests} runs its receivers on them; at other times
 * nothing listens there, so the exporters' connections are refused.
 *
 * @author llm-cost contributors
 */
final class OtlpEndpoints implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final int[] ports = ExportTools.freePorts(2);

	/**
	 * Return the port of the OTLP metrics receiver.
	 * @return the port
	 */
	static int metricsPort() {
		return ports[0];
	}

	/**
	 * Return the port of the OTLP traces receiver.
	 * @return the port
	 */
	static int tracesPort() {
		return ports[1];
	}

	@Override
	public void initialize(ConfigurableApplicationContext applicationContext) {
		TestPropertyValues
			.of("management.otlp.metrics.export.url=http://127.0.0.1:" + metricsPort() + "/opentelemetry/v1/metrics",
					"management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:" + tracesPort()
							+ "/v1/traces")
			.applyTo(applicationContext);
	}

}
