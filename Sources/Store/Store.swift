package enum StoreModule {}
