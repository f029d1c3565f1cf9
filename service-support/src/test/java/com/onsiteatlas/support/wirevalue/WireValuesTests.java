package com.onsiteatlas.support.wirevalue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import com.onsiteatlas.support.web.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WireValuesTests {

	enum Door implements WireValue {

		OPEN("open"), HALF_OPEN("half-open"), SHUT("shut");

		private final String value;

		Door(String value) {
			this.value = value;
		}

		@Override
		public String value() {
			return this.value;
		}

	}

	@Test
	void findsAConstantByItsWireValue() {
		assertThat(WireValues.find(Door.class, "half-open")).contains(Door.HALF_OPEN);
		assertThat(WireValues.find(Door.class, "HALF_OPEN")).isEmpty();
		assertThat(WireValues.find(Door.class, null)).isEmpty();
	}

	@Test
	void refusesAnUnknownValueWithA400ListingTheValidOnes() {
		assertThatThrownBy(() -> WireValues.parse(Door.class, "ajar", "door")).isInstanceOf(ApiException.class)
			.hasMessage("door must be one of open, half-open, shut");
		assertThat(WireValues.parse(Door.class, "shut", "door")).isEqualTo(Door.SHUT);
	}

	@Test
	void storesConstantsAsTheirWireValuesAndReadsThemBack() {
		List<GenericConverter> converters = WireValues.mongoConverters(Door.class);
		GenericConverter writing = converters.get(0);
		GenericConverter reading = converters.get(1);
		assertThat(writing.convert(Door.HALF_OPEN, TypeDescriptor.valueOf(Door.class),
				TypeDescriptor.valueOf(String.class)))
			.isEqualTo("half-open");
		assertThat(
				reading.convert("half-open", TypeDescriptor.valueOf(String.class), TypeDescriptor.valueOf(Door.class)))
			.isEqualTo(Door.HALF_OPEN);
		assertThatThrownBy(
				() -> reading.convert("ajar", TypeDescriptor.valueOf(String.class), TypeDescriptor.valueOf(Door.class)))
			.hasMessageContaining("Unknown stored Door ajar");
		MongoCustomConversions conversions = new MongoCustomConversions(converters);
		assertThat(conversions.getCustomWriteTarget(Door.class)).contains(String.class);
		assertThat(conversions.hasCustomReadTarget(String.class, Door.class)).isTrue();
	}

}
