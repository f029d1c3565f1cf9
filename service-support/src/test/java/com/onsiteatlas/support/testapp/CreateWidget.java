package com.onsiteatlas.support.testapp;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record CreateWidget(@NotBlank @Size(max = 100) String name, @Min(0) @Max(1000) int quantity) {
}
