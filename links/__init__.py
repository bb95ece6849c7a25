"""Every link of the guide: collect the external URLs, check them offline and live."""
