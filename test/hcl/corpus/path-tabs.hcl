block {
	a = 1
	inner {
		b = "tabs for indentation"
	}
}
